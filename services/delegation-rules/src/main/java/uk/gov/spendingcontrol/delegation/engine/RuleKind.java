package uk.gov.spendingcontrol.delegation.engine;

/** What kind of rule fired (or was checked) in a decision. */
public enum RuleKind {
    /** The proposal is novel: never delegated, always Treasury approval (not a rule anyone can change). */
    NOVEL,
    /** The proposal is contentious: never delegated, always Treasury approval. */
    CONTENTIOUS,
    /** The proposal is repercussive: never delegated, always Treasury approval. */
    REPERCUSSIVE,
    /** No rule set in force has a limit for the proposal's category and stage: not delegated, Treasury consent. */
    NO_LIMIT,
    /** A delegated authority limit. */
    LIMIT,
    /** A spend-control threshold. */
    SPEND_CONTROL,
    /** A condition written in CEL. */
    CONDITION
}
