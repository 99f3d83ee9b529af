package org.flowfield.load;

/** One person of the load test: an account that logs in with the form, and an access token for the API. */
record LoadUser(String username, String password, String token) {}
