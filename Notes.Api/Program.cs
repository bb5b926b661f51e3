using Microsoft.Extensions.Logging.Console;
using Notes.Api.Features;
using Notes.Api.Features.Notes;
using Notes.Api.Features.Shares;
using Notes.Api.Features.Transfer.Import;
using Notes.Api.Infrastructure.Mongo;
using Notes.Api.Infrastructure.Telemetry;

// The slim builder leaves out what this API never uses (IIS, HTTPS in Kestrel, the EventLog/Debug/EventSource loggers, hosting
// startup assemblies, regex route constraints): 3 to 9 MB less at the peak under the benchmark's read load, side by side.
var builder = WebApplication.CreateSlimBuilder(args);
// Its console logger is the simple one whatever the configuration says: Logging:Console:FormatterName chooses again (JSON in production).
builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));

builder.LimitRequestBodies(NoteContent.MaxBodyBytes).HideServerHeader();
// Each log line inside a request carries its trace id (in Scopes, with IncludeScopes in appsettings.json), as a trace shows it.
builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
builder.Services
    .AddSingleton(TimeProvider.System)
    .AddPrivateLinks(ShareLinks.PagePath, ShareLinks.ApiPath)
    .AddTelemetry(builder.Configuration)
    .AddErrorResponses()
    .AddTrustedProxies(builder.Configuration)
    .AddCrossOrigin(builder.Configuration)
    .AddMongo()
    .AddIdempotencyKeys()
    .AddTokenAuth()
    .AddSliceData()
    .AddNotes()
    .AddImport()
    .AddShares()
    // Endpoints, validators and the rest live in this assembly only: scanning every loaded one (the driver's among them) loaded
    // 4,500 types at start, measured, and the memory that holds them.
    .AddFastEndpoints(o =>
    {
        o.DisableAutoDiscovery = true;
        o.Assemblies = [typeof(Program).Assembly];
    })
    .AddApiDocument(new SliceNames.SchemaNameGenerator(), new NoteSchemas());

var openApiExportPath = OpenApiExport.RequestedPath(builder);
if (openApiExportPath is not null)
    builder.PrepareForExport();

var app = builder.Build();

app.UseForwardedHeaders()
    .UseErrorResponses()
    .UseSecurityHeaders()
    .UseCrossOrigin()
    .UseRequestBodyLimit();
app.HideFastEndpointsTestRoute();
app.UseDashboard()
    .UseAuthentication()
    .UseAuthorization()
    .UseFastEndpoints(c =>
    {
        c.Errors.UseProblemDetails(p => p.ResponseBuilder = Problems.FromFailures);
        c.Errors.ProducesMetadataType = typeof(Problem);
        c.Endpoints.NameGenerator = SliceNames.EndpointName;
        c.Binding.UseReadableBindingErrors();
        c.Serializer.RequestDeserializer = JsonBodies.ReadUnlessEmpty(c.Serializer.Options);
        c.Endpoints.Configurator = endpoint =>
        {
            SessionCheck.GuardUnlessAnonymous(endpoint);
            NoteIdCheck.GuardNoteRoutes(endpoint);
        };
    });
// After UseFastEndpoints, whose serializer settings (camelCase) the document describes.
app.UseApiDocument();
app.MapMongoCommandCount();

if (openApiExportPath is not null)
{
    await OpenApiExport.WriteAsync(app, openApiExportPath);
    return;
}

app.Run();

public partial class Program;
