using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Notes.Api.Tests;

/// <summary>
/// The shape of the code, held by its compiled dependencies: cross-cutting code never reaches into a slice, a slice never
/// into another, entities depend on neither, and every feature type is internal and sealed.
/// </summary>
public sealed class ArchitectureTests
{
    const string Features = "Notes.Api.Features";
    const string Infrastructure = "Notes.Api.Infrastructure";
    const string Entities = "Notes.Api.Entities";

    static readonly System.Reflection.Assembly Api = typeof(Program).Assembly;

    /// <summary>
    /// The one reference a slice may make into another: Add answers 201 with the address of the added note, which the router
    /// builds from Get's endpoint (<c>CreatedAtAsync&lt;Get.Endpoint&gt;</c>), so a moved route cannot leave a stale Location.
    /// </summary>
    static readonly HashSet<(string Slice, Type Target)> Allowed = [($"{Features}.Notes.Add", typeof(Api.Features.Notes.Get.Endpoint))];

    /// <summary>Every slice, by namespace: the folder of an endpoint two levels under Features (Features/Notes/Get).</summary>
    public static TheoryData<string> Slices => [.. SliceNamespaces()];

    [Fact]
    public void Infrastructure_never_depends_on_a_feature()
    {
        AssertHolds(Types.InAssembly(Api).That().ResideInNamespace(Infrastructure).ShouldNot().HaveDependencyOn(Features));
    }

    [Fact]
    public void Entities_depend_on_no_feature_and_no_infrastructure()
    {
        AssertHolds(Types.InAssembly(Api).That().ResideInNamespace(Entities).ShouldNot().HaveDependencyOnAny(Features, Infrastructure));
    }

    [Theory]
    [MemberData(nameof(Slices))]
    public void A_slice_uses_no_other_slice_only_its_areas_shared_types(string slice)
    {
        var othersTypes = Api.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && ns != slice && SliceNamespaces().Contains(ns))
            .Where(t => !Allowed.Contains((slice, t)))
            .Select(t => t.FullName!)
            .ToArray();

        AssertHolds(Types.InAssembly(Api).That().ResideInNamespaceMatching($"^{Regex.Escape(slice)}$").ShouldNot().HaveDependencyOnAny(othersTypes));
    }

    [Fact]
    public void Every_feature_type_is_internal()
    {
        AssertHolds(Types.InAssembly(Api).That().ResideInNamespace(Features).Should().NotBePublic());
    }

    /// <summary>Abstract only for a closed set of outcomes whose cases are sealed (Update's Outcome).</summary>
    [Fact]
    public void Every_feature_type_is_sealed_or_abstract()
    {
        AssertHolds(Types.InAssembly(Api).That().ResideInNamespace(Features).Should().BeSealed().Or().BeAbstract());
    }

    static HashSet<string> SliceNamespaces() =>
        Api.GetTypes()
            .Where(t => t.Name == "Endpoint" && t.Namespace?.StartsWith(Features + ".", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!)
            .Where(ns => ns.Split('.').Length == Features.Split('.').Length + 2)
            .ToHashSet();

    static void AssertHolds(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, $"Breaks the rule: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
