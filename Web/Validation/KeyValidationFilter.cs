namespace Conversations.Web.Validation;

/// <summary>
/// Runs <see cref="EdgeKeys"/> on the key parameters of an endpoint before its handler. Under a property it runs after
/// the membership check, so a caller who does not belong to the property gets 404 whatever they send.
/// </summary>
public static class KeyValidationFilter
{
    /// <summary>Checks the endpoint's keys (and marks it, so a test can tell that no API endpoint was left out).</summary>
    public static TBuilder CheckKeys<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(KeysChecked.Instance).AddEndpointFilterFactory(Create);

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checkedParameters = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Parameter: parameter, Index: index))
            .Where(p => EdgeKeys.IsChecked(p.Parameter))
            .ToArray();
        if (checkedParameters.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var (parameter, index) in checkedParameters)
            {
                EdgeKeys.CheckArgument(parameter, invocation.Arguments[index]);
            }

            return next(invocation);
        };
    }
}
