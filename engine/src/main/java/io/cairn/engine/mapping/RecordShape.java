package io.cairn.engine.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * A record class's components, their accessors and its canonical constructor, looked up once.
 * {@link Class#getRecordComponents()} copies the components on every call, and each copy's accessor
 * builds its own method accessor on first use, so looking them up per value cost the command path
 * about a tenth of its stream threads' time.
 */
final class RecordShape {
  private final Class<?> type;
  private final String[] names;
  private final Type[] types;
  private final Method[] accessors;
  private final Constructor<?> constructor;

  RecordShape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new MappingException(type.getName() + " is not a record");
    }
    this.type = type;
    this.names = new String[components.length];
    this.types = new Type[components.length];
    this.accessors = new Method[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      types[i] = components[i].getGenericType();
      accessors[i] = components[i].getAccessor();
    }
    this.constructor = Types.canonicalConstructor(type);
  }

  int size() {
    return names.length;
  }

  String name(int component) {
    return names[component];
  }

  Type type(int component) {
    return types[component];
  }

  Object read(int component, Object value) {
    try {
      return accessors[component].invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new MappingException("cannot read " + names[component] + " of " + type.getName(), e);
    }
  }

  /** A new record of these components' values; the domain's own checks may refuse it. */
  Object build(Object[] arguments) {
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new MappingException(
          "the domain refused a " + type.getSimpleName() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new MappingException("cannot build a " + type.getName(), e);
    }
  }
}
