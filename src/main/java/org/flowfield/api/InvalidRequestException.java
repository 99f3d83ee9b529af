package org.flowfield.api;

/** A request the API cannot read (not JSON, or not the shape an endpoint takes), with what is wrong. */
class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}
