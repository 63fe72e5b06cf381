package dev.vpnbot.domain.promo;

/** Why a promo code cannot be used for an order; the order is left as it was. */
public enum CodeProblem {
    DISABLED,
    EXPIRED,
    /** The code is not valid for the tariff of the order. */
    WRONG_TARIFF,
    /** Every use of the code has been taken. */
    EXHAUSTED,
    /** This user has used the code as often as one user may. */
    USED_UP_BY_USER,
    /** Only for users who have never paid an order. */
    NEW_USERS_ONLY,
    /** The order carries another discount and the operator does not allow stacking. */
    NOT_STACKABLE
}
