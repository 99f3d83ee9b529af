package org.flowfield.published;

/** Asked to train a row of a published table that Flowfield shows for reference only. */
public class MethodNotReproducedException extends RuntimeException {

    public MethodNotReproducedException(PublishedMethod method) {
        super(method.title() + " is shown for reference only; Flowfield trains "
                + java.util.Arrays.stream(PublishedMethod.values()).filter(PublishedMethod::reproduced)
                        .map(PublishedMethod::title).collect(java.util.stream.Collectors.joining(" and ")));
    }
}
