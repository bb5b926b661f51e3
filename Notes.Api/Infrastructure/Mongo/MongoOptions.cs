using System.ComponentModel.DataAnnotations;

namespace Notes.Api.Infrastructure.Mongo;

internal sealed class MongoOptions
{
    public const string Section = "Mongo";

    [Required(ErrorMessage = "Mongo:ConnectionString is required: point it at a MongoDB server, or start the app with ./run.sh, which starts an embedded engine.")]
    public string ConnectionString { get; set; } = "";

    [Required]
    public string Database { get; set; } = "notes";
}
