package dev.vpnbot.domain.broken;

import com.google.inject.Inject;

/** Deliberately breaks the rules (test sources only) to prove the architecture test can fail. */
public class DomainClassThatUsesGuice {
    @Inject
    public DomainClassThatUsesGuice() {}
}
