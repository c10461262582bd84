package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkToken;
import dev.listwire.common.members.Member;
import dev.listwire.common.members.Memberships;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The preference center: every list with the member's state and a join or leave button, and "leave all".
 * Each button is a form that POSTs to a URL carrying the signed token, then the browser is sent back to
 * the page (POST, redirect, GET), so that it works without JavaScript and a reload posts nothing again.
 */
@Controller("/preferences/{token}")
final class PreferencesController {

    static final String ALL = "*";

    private final Grants grants;
    private final ListCatalogue catalogue;
    private final Memberships memberships;
    private final MembershipChanges changes;
    private final Pages pages;

    PreferencesController(
            Grants grants, ListCatalogue catalogue, Memberships memberships, MembershipChanges changes, Pages pages) {
        this.grants = grants;
        this.catalogue = catalogue;
        this.memberships = memberships;
        this.changes = changes;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(String token, @QueryValue @Nullable String left, @QueryValue @Nullable String joined) {
        LinkToken grant = grants.preferences(token);
        Map<String, Optional<Member>> items = memberships.find(
                catalogue.all().stream().map(ListCatalogue.Entry::table).toList(), grant.email());
        List<Map<String, Object>> lists = catalogue.all().stream()
                .map(list -> {
                    boolean subscribed = items.get(list.table())
                            .map(m -> !m.isUnsubscribed())
                            .orElse(false);
                    String base = "/preferences/" + token + "/lists/" + list.name();
                    return Map.<String, Object>of(
                            "name",
                            list.name(),
                            "title",
                            list.manifest().title(),
                            "description",
                            list.manifest().description(),
                            "canLeave",
                            list.canLeave(),
                            "subscribed",
                            subscribed,
                            "leave",
                            base + "/leave",
                            "join",
                            base + "/join");
                })
                .toList();
        boolean anyToLeave = lists.stream().anyMatch(l -> (boolean) l.get("canLeave") && (boolean) l.get("subscribed"));
        return pages.ok(
                "preferences",
                Map.of(
                        "email",
                        grant.email(),
                        "token",
                        token,
                        "lists",
                        lists,
                        "anyToLeave",
                        anyToLeave,
                        "notice",
                        notice(left, joined)));
    }

    @Post(
            uri = "/lists/{list}/leave",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<String> leave(String token, String list) {
        return change(token, list, changes::leave, "left");
    }

    @Post(
            uri = "/lists/{list}/join",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<String> join(String token, String list) {
        return change(token, list, changes::join, "joined");
    }

    /** One list's change, logged, then back to the page, whose notice says what was done. */
    private HttpResponse<String> change(
            String token, String list, BiConsumer<ListCatalogue.Entry, String> how, String notice) {
        LinkToken grant = grants.preferences(token);
        ListCatalogue.Entry entry = grants.leavable(list);
        how.accept(entry, grant.email());
        return Pages.seeOther("/preferences/" + token + "?" + notice + "=" + encode(entry.name()));
    }

    /** Leaves every list that can be left; lists the address is not on stay as they are. */
    @Post(
            uri = "/leave-all",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<String> leaveAll(String token) {
        LinkToken grant = grants.preferences(token);
        for (ListCatalogue.Entry entry : catalogue.all()) {
            if (entry.canLeave()) {
                changes.leave(entry, grant.email());
            }
        }
        return Pages.seeOther("/preferences/" + token + "?left=" + encode(ALL));
    }

    /** The line that confirms the change just made; a value that names no list shows nothing. */
    private String notice(@Nullable String left, @Nullable String joined) {
        if (ALL.equals(left)) {
            return "You left all lists. You will get no more emails from them.";
        }
        Optional<String> leftTitle = title(left);
        if (leftTitle.isPresent()) {
            return "You left " + leftTitle.get() + ". You will get no more of its emails.";
        }
        return title(joined).map(t -> "You joined " + t + ".").orElse("");
    }

    private Optional<String> title(@Nullable String list) {
        return list == null
                ? Optional.empty()
                : catalogue.find(list).map(e -> e.manifest().title());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
