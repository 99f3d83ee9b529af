package org.flowfield.signup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flowfield.sign-up.mode}, and {@code flowfield.sign-up.instructor-code}: a secret the
 * server's operator gives instructors so that they can sign up on an invite-only server before any
 * class exists (blank: no such code).
 */
@ConfigurationProperties("flowfield.sign-up")
record SignUpSettings(SignUpMode mode, String instructorCode) {

    SignUpSettings {
        if (mode == null) {
            throw new IllegalStateException("flowfield.sign-up.mode must be open or invite");
        }
        instructorCode = instructorCode == null ? "" : instructorCode.strip();
    }
}
