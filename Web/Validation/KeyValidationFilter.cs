namespace Conversations.Web.Validation;

/// <summary>Runs <see cref="EdgeKeys"/> on the key parameters of every API endpoint it is added to, before the handler and other filters.</summary>
public static class KeyValidationFilter
{
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
