package org.titrate.platform.impl.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.apache.cxf.jaxrs.JAXRSInvoker;
import org.apache.cxf.message.Exchange;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.api.ValidationException;

/**
 * Calls the resource method as usual, unless the body had fields that could not be read ({@link LenientJsonProvider}):
 * then the method runs inside a transaction that is always rolled back, so that the module's own validation names the
 * other bad fields, and the answer is a 400 naming all of them. Nothing such a request does is ever committed, even
 * when the module's validation finds nothing wrong with the fields that were left empty.
 */
public class InputCheckingInvoker extends JAXRSInvoker {
    private final TransactionManager transactions;

    public InputCheckingInvoker(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    protected Object performInvocation(Exchange exchange, Object serviceObject, Method m, Object[] paramArray) throws Exception {
        return invoke(transactions, () -> super.performInvocation(exchange, serviceObject, m, paramArray));
    }

    /** The method's work, as it can fail. */
    public interface Work {
        Object run() throws Exception;
    }

    /**
     * Runs the work, or, when the request's body had unreadable fields, runs it in a transaction rolled back whatever
     * happens and refuses the request with a 400 naming those fields and every field the work's validation refused.
     * REST and SOAP share it.
     */
    public static Object invoke(TransactionManager transactions, Work work) throws Exception {
        List<FieldError> unreadable = InputErrors.take();
        if (unreadable.isEmpty()) {
            return work.run();
        }
        if (transactions == null) {
            throw new ValidationException(unreadable);
        }
        List<FieldError> invalid = List.of();
        boolean began = transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        if (began) {
            transactions.begin();
        }
        try {
            work.run();
        } catch (Exception e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            ProblemException problem = Problems.find(cause, ProblemException.class);
            if (problem != null && problem.status() == 400) {
                invalid = problem.errors();
            }
        } finally {
            InputErrors.clear();
            if (began) {
                transactions.rollback();
            } else {
                transactions.setRollbackOnly();
            }
        }
        throw new ValidationException(InputErrors.merge(unreadable, invalid));
    }
}
