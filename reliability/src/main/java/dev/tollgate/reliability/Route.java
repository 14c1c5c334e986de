package dev.tollgate.reliability;

/** What a virtual user calls; the report has one line per route. */
public enum Route {
    SIGN_UP("POST /auth/signup"),
    REFRESH("POST /auth/session/refresh"),
    ME("graphql me"),
    ADD_NOTE("graphql addNote"),
    NOTES("graphql notes"),
    DELETE_NOTE("graphql deleteNote");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
