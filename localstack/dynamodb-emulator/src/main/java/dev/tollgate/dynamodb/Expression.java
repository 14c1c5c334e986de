package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The parsed form of a ConditionExpression or KeyConditionExpression, names and values already resolved. */
sealed interface Expression {

    /** Something a comparison can read: an attribute, a literal value, or the size of an attribute. */
    sealed interface Operand {}

    /** A top-level attribute, by its real name. */
    record Path(String name) implements Operand {}

    /** An {@code :value} placeholder, resolved. */
    record Value(String placeholder, JsonNode value) implements Operand {}

    /** {@code size(path)}. */
    record Size(Path path) implements Operand {}

    /** {@code a = b}, {@code a <> b}, {@code a < b}, ... */
    record Compare(Operand left, String operator, Operand right) implements Expression {}

    /** {@code a BETWEEN low AND high}. */
    record Between(Operand operand, Operand low, Operand high) implements Expression {}

    /** {@code a IN (b, c, ...)}. */
    record In(Operand operand, List<Operand> candidates) implements Expression {}

    /** {@code attribute_exists(path)}. */
    record AttributeExists(Path path) implements Expression {}

    /** {@code attribute_not_exists(path)}. */
    record AttributeNotExists(Path path) implements Expression {}

    /** {@code begins_with(path, prefix)}. */
    record BeginsWith(Operand operand, Operand prefix) implements Expression {}

    record And(Expression left, Expression right) implements Expression {}

    record Or(Expression left, Expression right) implements Expression {}

    record Not(Expression inner) implements Expression {}
}
