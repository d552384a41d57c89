package io.consentplatform.core.tenant;

import java.util.Optional;

/**
 * A member just added, with the invitation link that sets their first password when they sign in
 * with a local account that does not exist yet.
 */
public record AddedMember(MemberView member, Optional<IssuedLink> invitation) {}
