package dev.listwire.common.members;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param pageSize members read per Scan request. DynamoDB stops a page at 1 MB, which for small member
 *                 items is some 20,000 of them and tens of MB once they are Java objects; a smaller page
 *                 keeps the function's memory small, at the cost of one more request per page.
 */
@ConfigurationProperties("listwire.members")
public record MembersConfiguration(
        @Bindable(defaultValue = "500") int pageSize) {}
