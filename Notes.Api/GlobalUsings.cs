global using FastEndpoints;
global using FluentValidation;
global using MongoDB.Driver;
global using Notes.Api.Entities;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Notes.Api.Tests")]
