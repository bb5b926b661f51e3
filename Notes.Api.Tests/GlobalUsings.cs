global using System.Net;
global using System.Net.Http.Json;
global using MongoDB.Driver;
global using Notes.Api.Tests.Support;
