package io.gil4j.config;

import io.gil4j.glob.ClassGlob;
import java.util.List;

/**
 * Which classes and methods the configuration names; {@link Selection#of} resolves the defaults.
 *
 * @param include {@code include}: class globs to instrument, empty for the default selection
 * @param exclude {@code exclude}: class globs never to instrument
 * @param offload {@code offload}: method patterns and annotations that mark methods besides
 *     {@code @io.gil4j.api.Offload}
 */
public record SelectionConfig(List<ClassGlob> include, List<ClassGlob> exclude, List<MarkPattern> offload) {}
