package dev.vpnbot.domain.balance;

/**
 * What a ledger entry does to a balance. Money from outside (a top-up, a surplus, an underpayment)
 * is a DEPOSIT; an admin's gift is a CREDIT; spending is a DEBIT; money given back for a debit that
 * bought nothing is a REVERSAL.
 */
public enum EntryKind {
    DEPOSIT, CREDIT, DEBIT, REVERSAL;

    /** True for every kind but DEBIT. */
    public boolean addsMoney() {
        return this != DEBIT;
    }
}
