using FastEndpoints.Swagger;
using Notes.Api.Features;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Http;
using Notes.Api.Infrastructure.Mongo;

var builder = WebApplication.CreateBuilder(args);

builder.LimitRequestBodies();
builder.Services
    .AddSingleton(TimeProvider.System)
    .AddErrorResponses()
    .AddTrustedProxies(builder.Configuration)
    .AddMongo()
    .AddTokenAuth()
    .AddSliceData()
    .AddFastEndpoints()
    .SwaggerDocument(o =>
    {
        o.AutoTagPathSegmentIndex = 2;
        o.DocumentSettings = s =>
        {
            s.DocumentName = "v1";
            s.Title = "NotesSlices API";
            s.Version = "v1";
        };
    });

var app = builder.Build();

app.UseForwardedHeaders()
    .UseErrorResponses()
    .UseSecurityHeaders()
    .UseRequestBodyLimit()
    .UseSwaggerGen(
        document => document.Path = "/openapi/{documentName}.json",
        ui =>
        {
            ui.Path = "/docs";
            ui.DocumentPath = "/openapi/{documentName}.json";
        });
app.UseDashboard()
    .UseAuthentication()
    .UseAuthorization()
    .UseFastEndpoints(c =>
    {
        c.Errors.UseProblemDetails();
        c.Binding.UseReadableBindingErrors();
        c.Endpoints.Configurator = endpoint =>
        {
            if (endpoint.AnonymousVerbs is not { Length: > 0 })
                endpoint.PreProcessor<SessionCheck>(Order.Before);
        };
    });

if (app.Configuration["export-openapi"] is { } openApiPath)
{
    await OpenApiExport.WriteAsync(app, openApiPath);
    return;
}

app.Run();

public partial class Program;
