package dev.hallpass.admin;

import dev.hallpass.account.control.Usernames;
import dev.hallpass.data.boundary.SharedData;
import dev.hallpass.data.control.DataDocument;
import dev.hallpass.data.control.DataScope;
import dev.hallpass.web.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The "Data" page: an administrator reads (never writes) the documents of one user ({@code ?user=}) or one
 * session ({@code ?session=}), with their versions and content, straight from the database.
 */
@Named
@RequestScoped
public class DataPage {

    @Inject
    SharedData data;

    private String user;
    private String session;
    private List<DataDocument> documents;

    /** The documents asked for; none (and a message) for a bad or missing name. */
    public List<DataDocument> getDocuments() {
        if (documents == null) {
            documents = FacesFeedback.result(() -> session != null && !session.isBlank()
                    ? data.list(DataScope.SESSION, session.strip())
                    : user != null && !user.isBlank() ? data.list(DataScope.USER, Usernames.parse(user)) : List.<DataDocument>of())
                    .orElse(List.of());
        }
        return documents;
    }

    public String getUser() { return user; }

    public void setUser(String user) { this.user = user; }

    public String getSession() { return session; }

    public void setSession(String session) { this.session = session; }
}
