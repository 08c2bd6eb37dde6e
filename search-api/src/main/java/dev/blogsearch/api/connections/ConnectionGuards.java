package dev.blogsearch.api.connections;

import dev.blogsearch.api.config.ConnectionsConfig;
import dev.blogsearch.api.web.SecurityHeaders;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Adds this service's handlers to every HTTP/1 connection's Netty pipeline: the per-address connection cap first
 * ({@link ConnectionsPerAddress}), then, right after the HTTP codec, the security headers of every response
 * ({@link SecurityHeaders}), the encoding of raw UTF-8 request targets ({@link RawUtf8Targets}) and the request read
 * timeout ({@link RequestReadTimeout}).
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
final class ConnectionGuards implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final ConnectionsConfig config;
    private final ConnectionsPerAddress perAddress;

    ConnectionGuards(ConnectionsConfig config) {
        this.config = config;
        this.perAddress = new ConnectionsPerAddress(config.maxPerAddress());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** One per connection ({@link #specializeForChannel}); the server's own instance has no channel. */
    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return; // not HTTP/1 (the service does not turn HTTP/2 on)
            }
            if (config.maxPerAddress() > 0) {
                pipeline.addFirst("blogsearch-connections-per-address", perAddress);
            }
            pipeline.addAfter(
                    ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                    "blogsearch-request-read-timeout",
                    new RequestReadTimeout(config.requestReadTimeout()));
            pipeline.addAfter(
                    ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                    "blogsearch-raw-utf8-targets",
                    RawUtf8Targets.INSTANCE);
            pipeline.addAfter(
                    ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                    "blogsearch-security-headers",
                    SecurityHeaders.INSTANCE);
        }
    }
}
