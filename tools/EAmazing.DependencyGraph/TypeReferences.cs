using Mono.Cecil;

namespace EAmazing.DependencyGraph;

/// <summary>
/// Every type a compiled type names: base type, interfaces, fields, properties, events, method
/// signatures, locals, attributes and every type or member its IL touches, generic arguments included.
/// Compiler-generated nested types (lambdas, iterators, async state machines) count for their outer type.
/// </summary>
public static class TypeReferences
{
    public static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module)
    {
        foreach (var type in module.Types)
        {
            foreach (var t in WithNested(type))
            {
                yield return t;
            }
        }
    }

    /// <summary>The type that a reader sees in the source: the outermost non-generated declaring type.</summary>
    public static TypeDefinition SourceType(TypeDefinition type)
    {
        while (type.DeclaringType is not null && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = type.DeclaringType;
        }

        return type;
    }

    public static IEnumerable<TypeReference> Of(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            if (t is null)
            {
                return;
            }

            switch (t)
            {
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                    {
                        Add(a);
                    }

                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }

        void Attributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
            }
        }

        Add(type.BaseType);
        Attributes(type);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            Attributes(f);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            Attributes(p);
        }

        foreach (var e in type.Events)
        {
            Add(e.EventType);
        }

        foreach (var m in type.Methods)
        {
            Attributes(m);
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
                Attributes(p);
            }

            if (!m.HasBody)
            {
                continue;
            }

            foreach (var v in m.Body.Variables)
            {
                Add(v.VariableType);
            }

            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference mr:
                        Add(mr.DeclaringType);
                        Add(mr.ReturnType);
                        foreach (var p in mr.Parameters)
                        {
                            Add(p.ParameterType);
                        }

                        if (mr is GenericInstanceMethod gm)
                        {
                            foreach (var a in gm.GenericArguments)
                            {
                                Add(a);
                            }
                        }

                        break;
                    case FieldReference fr:
                        Add(fr.DeclaringType);
                        Add(fr.FieldType);
                        break;
                }
            }
        }

        return found;
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type)
    {
        yield return type;
        foreach (var nested in type.NestedTypes)
        {
            foreach (var t in WithNested(nested))
            {
                yield return t;
            }
        }
    }

    /// <summary>The namespace of a possibly nested type reference (nested types carry an empty namespace).</summary>
    public static string Namespace(TypeReference type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>The full name a reader knows (outer type for nested and generated ones).</summary>
    public static string ReadableName(TypeReference type)
    {
        var outer = type;
        while (outer.IsNested && outer.Name.Contains('<', StringComparison.Ordinal))
        {
            outer = outer.DeclaringType;
        }

        return outer.FullName.Replace('/', '.');
    }

}
