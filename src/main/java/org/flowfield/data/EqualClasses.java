package org.flowfield.data;

import java.util.function.IntFunction;

/** Class-conditional densities of a set whose classes are equally likely. */
record EqualClasses(int classes, IntFunction<KnownDensity> densities) implements ClassConditionalDensity {

    @Override
    public KnownDensity givenClass(int label) {
        checkLabel(label);
        return densities.apply(label);
    }

    @Override
    public double classProbability(int label) {
        checkLabel(label);
        return 1.0 / classes;
    }

    private void checkLabel(int label) {
        if (label < 0 || label >= classes) {
            throw new IndexOutOfBoundsException("class must be in 0.." + (classes - 1) + ", got " + label);
        }
    }
}
