package dev.tollgate.appsync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The notes feature's rules: what a valid note is, the per-user cap, not-found for others' notes. */
final class NotesService {

    static final int MAX_TEXT_LENGTH = 1000;

    private final NotesStore store;
    private final int maxNotesPerUser;
    private final Clock clock;

    NotesService(NotesStore store, int maxNotesPerUser, Clock clock) {
        this.store = store;
        this.maxNotesPerUser = maxNotesPerUser;
        this.clock = clock;
    }

    List<Note> list(String userId) {
        return store.list(userId, maxNotesPerUser);
    }

    /** How many notes all users keep (the admin's field). */
    int countAll() {
        return store.countAll();
    }

    /**
     * Adds a note within the cap. DynamoDB cannot count and write atomically, so the count is checked
     * before the write and again after it; an add that finds the user over the cap takes its own note
     * back. Whichever kept note was recounted last saw every kept note, so the cap always holds; racing
     * adds at the cap may both be refused, never both kept.
     */
    Note add(String userId, String text) {
        if (text.isBlank()) {
            throw new ResolverError.BadRequest("text must not be empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new ResolverError.BadRequest(
                    "text must be at most " + MAX_TEXT_LENGTH + " characters, was " + length);
        }
        if (store.count(userId) >= maxNotesPerUser) {
            throw new ResolverError.LimitExceeded(maxNotesPerUser);
        }
        Instant now = clock.instant();
        Note note = new Note(NoteIds.next(now.toEpochMilli()), text, now);
        store.add(userId, note);
        if (store.count(userId) > maxNotesPerUser) {
            store.delete(userId, note.id());
            throw new ResolverError.LimitExceeded(maxNotesPerUser);
        }
        return note;
    }

    Note delete(String userId, String noteId) {
        if (!NoteIds.isWellFormed(noteId)) {
            throw new ResolverError.BadRequest("id must be a note id (a lower-case UUID)");
        }
        return store.delete(userId, noteId).orElseThrow(() -> new ResolverError.NotFound(noteId));
    }
}
