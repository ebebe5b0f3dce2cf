package org.titrate.products.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.titrate.products.api.ProductService;

/** Publishes {@link ProductSoapService} while the products module is installed. */
@Component(immediate = true)
public class ProductSoapEndpoint {
    @Reference
    private SoapEndpoints soap;

    @Reference
    private ProductService products;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("ProductService", new ProductSoapService(products));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
