package org.titrate.sales.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** What administrators configure for sales: custom document fields and return reason codes. */
@ProviderType
public interface SalesSetupService {
    /** The only kind of document with custom fields so far. */
    String SALES_ORDER = "sales-order";

    Page<CustomField> customFields(String entity, PageRequest page);

    /** By key or id. */
    CustomField customField(String idOrKey);

    CustomField createCustomField(CustomField field);

    /** Label, required, choices and active may change; key, entity and type may not. */
    CustomField updateCustomField(String idOrKey, CustomField field);

    /** Every field defined for a kind of document, active or not (cached; what order validation uses). */
    List<CustomField> fieldsOf(String entity);

    /** The reason codes new return lines may use (cached). */
    List<ReturnReason> activeReturnReasons();

    Page<ReturnReason> returnReasons(Boolean active, PageRequest page);

    ReturnReason returnReason(String code);

    ReturnReason createReturnReason(ReturnReason reason);

    ReturnReason updateReturnReason(String code, ReturnReason reason);
}
