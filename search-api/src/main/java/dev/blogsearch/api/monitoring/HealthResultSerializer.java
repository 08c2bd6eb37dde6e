package dev.blogsearch.api.monitoring;

import io.micronaut.core.type.Argument;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Writes a health answer without its empty fields: {@code {"status":"UP"}}. The service sends null fields of its
 * own answers ({@code micronaut.serde.serialization.inclusion: ALWAYS}), which turned {@code /health} into
 * {@code {"name":null,"status":"UP","details":null}}.
 */
@Singleton
final class HealthResultSerializer implements Serializer<HealthResult> {

    @Override
    public void serialize(
            Encoder encoder, EncoderContext context, Argument<? extends HealthResult> type, HealthResult value)
            throws IOException {
        Encoder object = encoder.encodeObject(type);
        if (value.getName() != null) {
            object.encodeKey("name");
            object.encodeString(value.getName());
        }
        object.encodeKey("status");
        object.encodeString(value.getStatus().getName());
        Object details = value.getDetails();
        if (details != null) {
            object.encodeKey("details");
            Argument<Object> detailsType = Argument.of((Class<Object>) details.getClass());
            context.findSerializer(detailsType)
                    .createSpecific(context, detailsType)
                    .serialize(object, context, detailsType, details);
        }
        object.finishStructure();
    }
}
