package dev.listwire.common.links;

/**
 * Which email a report is about: the list, the event and the member it was sent to. Carried signed in the
 * {@code X-Listwire-Delivery} header of every list email, so that a bounce or complaint can be matched to
 * its list, event and member, and so that a forged report cannot name somebody else's address.
 */
public record DeliveryRef(String list, String eventId, String email) {}
