global using FastEndpoints;
global using FluentValidation;
global using MongoDB.Driver;
global using Notes.Api.Entities;
// What nearly every slice uses: the caller and the audit trail, the one way to answer a problem, and the documentation of
// its answers (ApiGroup, ProducesProblems).
global using Notes.Api.Infrastructure.Auth;
global using Notes.Api.Infrastructure.Http;
global using Notes.Api.Infrastructure.OpenApi;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Notes.Api.Tests")]
