package dev.tollgate.reliability;

/** What a virtual user calls; the report has one line per action. */
public enum Action {
    SIGN_UP("POST /auth/signup"),
    REFRESH("POST /auth/session/refresh"),
    ME("graphql me"),
    ADD_NOTE("graphql addNote"),
    NOTES("graphql notes"),
    DELETE_NOTE("graphql deleteNote");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
