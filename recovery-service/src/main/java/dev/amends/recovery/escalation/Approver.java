package dev.amends.recovery.escalation;

import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;

/**
 * The signed-in person answering an escalation and the authority their role gives them: a
 * manager's or a supervisor's. What they may grant is their own level's limit in the tenant's
 * policy, whatever level the escalation was sent to.
 */
record Approver(Caller caller, AuthorityLevel authority) {

    static Approver of(Caller caller) {
        return new Approver(caller, caller.holds(Roles.MANAGER) ? AuthorityLevel.MANAGER : AuthorityLevel.SUPERVISOR);
    }

    String name() {
        return caller.name();
    }

    /** The note as recorded: a name typed into the request is kept only in it. */
    String note(String typedName, String note) {
        return caller.noteWithTypedName(typedName, note);
    }

    boolean reaches(AuthorityLevel level) {
        return authority.compareTo(level) >= 0;
    }
}
