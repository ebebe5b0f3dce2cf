package org.titrate.products.impl.soap;

import java.util.Optional;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductQuery;
import org.titrate.products.api.ProductService;

/** {@code /soap/ProductService}: the product master for legacy systems, document/literal wrapped. */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "ProductService", serviceName = "ProductService", portName = "ProductServicePort",
        targetNamespace = ProductSoapService.NS)
public class ProductSoapService {
    public static final String NS = "urn:titrate:products";

    private final ProductService products;

    public ProductSoapService(ProductService products) {
        this.products = products;
    }

    @WebMethod
    @WebResult(name = "product")
    public ProductData getProduct(@WebParam(name = "sku") String sku) throws ProblemFault {
        if (sku == null || sku.isBlank()) {
            throw new ValidationException("sku", "is required");
        }
        return ProductData.of(products.get(sku.strip()));
    }

    @WebMethod
    @WebResult(name = "page")
    public ProductPage findProducts(@WebParam(name = "query") String query, @WebParam(name = "offset") Integer offset,
            @WebParam(name = "limit") Integer limit) throws ProblemFault {
        PageRequest page = new PageRequest(offset == null ? 0 : offset, limit == null ? PageRequest.DEFAULT_LIMIT : limit);
        Page<Product> found = products.find(new ProductQuery(query, null, null, null, page));
        ProductPage result = new ProductPage();
        result.items = found.items().stream().map(ProductData::of).toList();
        result.total = found.total();
        result.offset = found.offset();
        result.limit = found.limit();
        return result;
    }

    /** Creates the product, or updates the one with the same SKU; a version, when sent, must be current. */
    @WebMethod
    @Allowed(Roles.PURCHASING)
    @WebResult(name = "product")
    public ProductData saveProduct(@WebParam(name = "product") ProductData product) throws ProblemFault {
        if (product == null) {
            throw new ValidationException("product", "is required");
        }
        Optional<Product> existing = product.sku == null ? Optional.empty() : products.findBySku(product.sku.strip());
        Product saved = existing.isPresent()
                ? products.update(existing.get().sku(), product.toRecord(existing.get().version()))
                : products.create(product.toRecord(null));
        return ProductData.of(saved);
    }
}
