package org.flowfield.signup;

/** Who may create an account ({@code flowfield.sign-up.mode}). */
public enum SignUpMode {
    /** Anyone; an invite code is optional and joins its class. For one student's own server. */
    OPEN,
    /** Only with a class's invite code (or the server's instructor code): for a hosted server. */
    INVITE
}
