package dev.tollgate.authapi.email;

import dev.tollgate.authapi.error.ApiException.EmailDeliveryFailure;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.Body;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.Destination;
import software.amazon.awssdk.services.ses.model.Message;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

/**
 * Sends through Amazon SES (region, credentials and an endpoint override such as
 * {@code AWS_ENDPOINT_URL_SES} come from the SDK's standard environment). Only ever loaded when
 * {@code EMAIL_SENDER=ses}, so the other senders pay nothing for the SDK at cold start.
 */
public final class SesEmailSender implements EmailSender {

    private final SesClient ses;
    private final String from;

    SesEmailSender(SesClient ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    public static SesEmailSender create(String from) {
        return new SesEmailSender(
                SesClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), from);
    }

    @Override
    public void send(VerificationEmail email) {
        SendEmailRequest request = SendEmailRequest.builder()
                .source(from)
                .destination(Destination.builder().toAddresses(email.to()).build())
                .message(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).build())
                        .build())
                .build();
        try {
            ses.sendEmail(request);
        } catch (SdkException e) {
            throw new EmailDeliveryFailure(
                    "SES refused or could not be reached (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Content utf8(String text) {
        return Content.builder().charset("UTF-8").data(text).build();
    }
}
