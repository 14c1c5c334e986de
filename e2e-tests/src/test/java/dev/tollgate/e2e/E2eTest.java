package dev.tollgate.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** An end-to-end test class: one shared stack, fresh browsers per test, artifacts on failure. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({StackExtension.class, BrowserExtension.class})
public @interface E2eTest {}
