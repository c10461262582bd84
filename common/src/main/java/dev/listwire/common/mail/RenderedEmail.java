package dev.listwire.common.mail;

/** One recipient's email, rendered: a one-line subject and the two bodies. */
public record RenderedEmail(String subject, String html, String text) {}
