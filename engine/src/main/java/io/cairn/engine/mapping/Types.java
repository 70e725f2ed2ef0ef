package io.cairn.engine.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;

/** The reflection the mapper needs, in one place: raw types, type arguments, constructors. */
final class Types {
  private Types() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new MappingException("unsupported type " + type);
  }

  static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new MappingException(
        type + " needs type arguments, as in List<Line> or Map<String, Line>");
  }

  /** The record a sealed interface permits under a simple name. */
  static Class<?> permittedNamed(Class<?> sealed, String simpleName) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .filter(permitted -> permitted.getSimpleName().equals(simpleName))
        .findFirst()
        .orElseThrow(
            () ->
                new MappingException(sealed.getName() + " permits no record named " + simpleName));
  }

  static Constructor<?> canonicalConstructor(Class<?> record) {
    if (!record.isRecord()) {
      throw new MappingException(record.getName() + " is not a record");
    }
    Class<?>[] parameters =
        Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      return record.getDeclaredConstructor(parameters);
    } catch (NoSuchMethodException e) {
      throw new MappingException(record.getName() + " has no canonical constructor", e);
    }
  }

  static Constructor<?> noArgConstructor(String className) {
    try {
      return forName(className).getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new MappingException(className + " has no no-argument constructor", e);
    }
  }

  static Class<?> forName(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new MappingException("no generated class " + className + " on the class path", e);
    }
  }
}
