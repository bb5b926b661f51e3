using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Notes.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: a trace for every request with a span per MongoDB command, and metrics (requests, the runtime and
/// <see cref="NotesMetrics"/>), sent over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other
/// standard <c>OTEL_*</c> variables: protocol, headers, service name). Unset, nothing is registered: no listener on any activity
/// source or meter, no MongoDB command spans, so a request costs what it cost without telemetry.
/// </summary>
internal static class Telemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "NotesSlices";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NotesMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
            return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => Traces(tracing).AddOtlpExporter())
            .WithMetrics(metrics => Metrics(metrics).AddOtlpExporter());
        return services;
    }

    /// <summary>What is traced, whatever receives it (the OTLP exporter here, an in-memory one in tests).</summary>
    public static TracerProviderBuilder Traces(TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(o =>
        {
            // The raw User-Agent stays out of traces as it does out of logs (a session keeps only a few words made from it);
            // the query string is already redacted by the instrumentation (a search's words are a note's text).
            // A private link's secret stays out too, as it does out of logs (see PrivateLinkRedaction).
            o.EnrichWithHttpRequest = (activity, request) =>
            {
                activity.SetTag("user_agent.original", null);
                if (request.HttpContext.RequestServices.GetService<PrivateLinks>() is { } links && links.Holds(request.Path))
                    activity.SetTag("url.path", links.Redact(request.Path.Value!));
            };
        })
        .AddSource(MongoCommandSpans.SourceName);

    public static MeterProviderBuilder Metrics(MeterProviderBuilder metrics) => metrics
        .AddAspNetCoreInstrumentation()
        .AddRuntimeInstrumentation()
        .AddMeter(NotesMetrics.MeterName);
}
