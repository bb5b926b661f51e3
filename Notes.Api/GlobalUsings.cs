global using FastEndpoints;
global using FluentValidation;
global using MongoDB.Driver;
global using Notes.Api.Entities;
// Every endpoint group and Configure() documents its answers with these (ApiGroup, ProducesProblems).
global using Notes.Api.Infrastructure.OpenApi;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Notes.Api.Tests")]
