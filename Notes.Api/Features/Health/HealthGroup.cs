namespace Notes.Api.Features.Health;

/// <summary>The probes: under <c>/healthz</c>, tagged Health. Only readiness asks the database, so 503 is its own answer, not the group's.</summary>
internal sealed class HealthGroup() : ApiGroup("healthz", "Health", everyEndpointAsksTheDatabase: false);
