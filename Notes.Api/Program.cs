using FastEndpoints.Swagger;
using Notes.Api.Features;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Http;
using Notes.Api.Infrastructure.Mongo;

var builder = WebApplication.CreateBuilder(args);

builder.LimitRequestBodies().HideServerHeader();
builder.Services
    .AddSingleton(TimeProvider.System)
    .AddErrorResponses()
    .AddTrustedProxies(builder.Configuration)
    .AddCrossOrigin(builder.Configuration)
    .AddMongo()
    .AddTokenAuth()
    .AddSliceData()
    .AddNotesOptions()
    .AddFastEndpoints()
    .SwaggerDocument(o =>
    {
        o.AutoTagPathSegmentIndex = 2;
        o.DocumentSettings = s =>
        {
            s.DocumentName = "v1";
            s.Title = "NotesSlices API";
            s.Version = "v1";
            // The API always sends every non-nullable property, so the document says so and generated clients type them as present.
            s.MarkNonNullablePropsAsRequired();
        };
        o.RemoveEmptyRequestSchema = true;
    });

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
        c.Binding.UseReadableBindingErrors();
        c.Serializer.RequestDeserializer = JsonBodies.ReadUnlessEmpty(c.Serializer.Options);
        c.Endpoints.Configurator = endpoint =>
        {
            SessionCheck.GuardUnlessAnonymous(endpoint);
            NoteIdCheck.GuardNoteRoutes(endpoint);
        };
    })
    // After UseFastEndpoints, whose serializer settings (camelCase) the document must describe.
    .UseSwaggerGen(
        document => document.Path = "/openapi/{documentName}.json",
        ui =>
        {
            ui.Path = "/docs";
            ui.DocumentPath = "/openapi/{documentName}.json";
        });
app.MapMongoCommandCount();

if (openApiExportPath is not null)
{
    await OpenApiExport.WriteAsync(app, openApiExportPath);
    return;
}

app.Run();

public partial class Program;
