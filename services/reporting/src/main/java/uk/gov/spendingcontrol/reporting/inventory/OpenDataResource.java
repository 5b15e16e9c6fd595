package uk.gov.spendingcontrol.reporting.inventory;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The data inventory, open to anyone (docs/reporting.md, "Data inventory"). */
@Path(OpenDataResource.PATH)
@Tag(name = "Open data", description = "No login needed")
public class OpenDataResource {

    public static final String PATH = "/api/v1/open";
    public static final String JSON_LD = "application/ld+json";

    private final InventoryService inventory;

    public OpenDataResource(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** The inventory's JSON. */
    public record Inventory(List<Dataset> datasets) {
    }

    @GET
    @Path("/data-inventory")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data inventory", description = "Every dataset of the suite: owner, description, fields "
            + "with types, update frequency, last update, access level and how to get it. No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Inventory.class)))
    public Inventory dataInventory() {
        return new Inventory(inventory.datasets());
    }

    @GET
    @Path("/data-inventory.jsonld")
    @PermitAll
    @Produces(JSON_LD)
    @Operation(summary = "The data inventory as DCAT 3", description = "A dcat:Catalog of dcat:Dataset, each with its "
            + "distributions (API, change feed, exports) and its fields as a csvw:tableSchema; JSON-LD with the "
            + "context embedded. No login needed.",
            extensions = @Extension(name = "x-public", value = "true", parseValue = true))
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT)))
    public Map<String, Object> dataInventoryJsonLd(@Context UriInfo uri) {
        return inventory.dcat(uri.getBaseUri());
    }
}
