package uk.gov.spendingcontrol.web.returns;

import io.quarkus.qute.TemplateData;

/** What the user entered in the return form (the file is not kept: it is chosen again after an error). */
@TemplateData
public record ReturnForm(String financialYear, String period, String idempotencyKey) {
}
