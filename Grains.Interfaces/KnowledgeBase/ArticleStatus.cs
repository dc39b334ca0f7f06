using System.Text.Json.Serialization;

namespace Conversations.Grains.Interfaces.KnowledgeBase;

[JsonConverter(typeof(JsonStringEnumConverter<ArticleStatus>))]
public enum ArticleStatus
{
    Draft = 0,
    Published = 1,
}
