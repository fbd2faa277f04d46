package dev.footnote.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.footnote.index.EssayRecord;
import dev.footnote.index.EssayText;
import dev.footnote.index.Index;
import dev.footnote.search.InvalidQueryException;
import dev.footnote.search.QueryLimits;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceManager;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.TransportHint;

/**
 * The served essays as MCP resources, {@code footnote://essays/{id}}: the text of each is the essay's body as it
 * stands in its source file from the essay's {@code bodyStart}, so an offset in it plus {@code bodyStart} is an
 * offset in the file.
 *
 * <p>Any served essay can be read through the template. The list ({@code resources/list}) has one resource per
 * served essay; as reindexes change what is served, {@link #refresh()} brings it in line (see
 * {@link EssayListRefresh} for when), and the extension tells connected clients that the list changed.
 */
@Singleton
public class EssayResources {

    private static final Logger LOG = Logger.getLogger(EssayResources.class);

    static final String URI_PREFIX = "footnote://essays/";
    static final String MIME_TYPE = "text/plain";

    private final Index index;
    private final ResourceManager resources;
    /** The essays listed now, by id, as they were when listed. */
    private final Map<String, EssayRecord> listed = new HashMap<>();

    public EssayResources(Index index, ResourceManager resources) {
        this.index = index;
        this.resources = resources;
    }

    static String uri(String essayId) {
        return URI_PREFIX + essayId;
    }

    @ResourceTemplate(name = "essay", title = "Essay", uriTemplate = URI_PREFIX + "{id}", mimeType = MIME_TYPE,
            description = "The text of one indexed essay, by its id: the essay's body as it stands in its source file "
                    + "from the essay's bodyStart (resources/list gives each essay's file and bodyStart).")
    TextResourceContents essay(String id, RequestUri uri) {
        return read(id, uri.value());
    }

    /** Lists the served essays as they are now: new ones added, changed ones replaced, removed ones dropped. */
    synchronized void refresh() {
        List<EssayRecord> served;
        try {
            index.requireServing();
            served = index.essays();
        } catch (RuntimeException e) {
            // the first build is running or the database is away: the list stays as it was until the next refresh
            LOG.debugf("Essay resources not refreshed: %s", e.getMessage());
            return;
        }
        Map<String, EssayRecord> now = new HashMap<>();
        served.forEach(essay -> now.put(essay.id(), essay));
        for (EssayRecord essay : List.copyOf(listed.values())) {
            if (!essay.equals(now.get(essay.id()))) {
                resources.removeResource(uri(essay.id()));
                listed.remove(essay.id());
            }
        }
        for (EssayRecord essay : served) {
            if (!listed.containsKey(essay.id())) {
                register(essay);
                listed.put(essay.id(), essay);
            }
        }
    }

    private void register(EssayRecord essay) {
        String id = essay.id();
        resources.newResource(id)
                .setUri(uri(id))
                .setTitle(essay.title())
                .setMimeType(MIME_TYPE)
                .setDescription(description(essay))
                .addHint(TransportHint.STREAMABLE_HTTP_SKIP_SSE_INIT)
                .setHandler(args -> new ResourceResponse(read(id, args.requestUri().value())))
                .register();
    }

    /** What an agent needs to tell essays apart and to turn an offset in the text into one in the file. */
    static String description(EssayRecord essay) {
        String title = essay.titleDerived() ? "An untitled essay" : "\"" + essay.title() + "\"";
        String by = essay.author() == null ? "" : " by " + essay.author();
        String date = essay.date() == null ? "" : " (" + essay.date() + ")";
        return title + by + date + ": the text of " + essay.source() + " from offset " + essay.bodyStart()
                + " (add " + essay.bodyStart() + " to an offset in this text for the offset in the file), "
                + essay.passages() + " passages.";
    }

    private TextResourceContents read(String id, String uri) {
        EssayText essay;
        try {
            QueryLimits.essayId(id, "the essay id");
        } catch (InvalidQueryException e) {
            throw new McpException(e.getMessage(), JsonRpcErrorCodes.INVALID_PARAMS);
        }
        try {
            index.requireServing();
            essay = index.essayText(id).orElse(null);
        } catch (RuntimeException e) {
            throw new McpException(ToolFailures.message(e), JsonRpcErrorCodes.INTERNAL_ERROR);
        }
        if (essay == null) {
            throw new McpException("no essay with id \"" + id + "\"", JsonRpcErrorCodes.RESOURCE_NOT_FOUND);
        }
        return new TextResourceContents(uri, essay.body(), MIME_TYPE);
    }
}
