package zhibiao;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Plan#addIndicator(IndicatorDef)} needs (zb_indicator_def): a name, and
 * optionally everything else; unset fields take the library's defaults (the unit read from
 * the name, the qualifier from the target text, the kind and direction inferred from the
 * name, the next sequence number, weight 1). Immutable; made with {@link #builder(String)}.
 */
public final class IndicatorDef {
    private final int seq;
    private final String category;
    private final String name;
    private final String unit;
    private final String target;
    private final Qualifier qualifier;
    private final Kind kind;
    private final Direction direction;
    private final List<String> units;
    private final String source;
    private final double weight;
    private final int targetYear;
    private final Attribute attribute;
    private final String base;
    private final int baseYear;
    private final String note;

    private IndicatorDef(Builder b) {
        seq = b.seq;
        category = b.category;
        name = b.name;
        unit = b.unit;
        target = b.target;
        qualifier = b.qualifier;
        kind = b.kind;
        direction = b.direction;
        units = List.copyOf(b.units);
        source = b.source;
        weight = b.weight;
        targetYear = b.targetYear;
        attribute = b.attribute;
        base = b.base;
        baseYear = b.baseYear;
        note = b.note;
    }

    /** A builder for an indicator named {@code name}, e.g. 新增“小升规”企业(家). */
    public static Builder builder(String name) {
        return new Builder(Objects.requireNonNull(name, "name"));
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The responsible units, the lead first. */
    public List<String> units() {
        return units;
    }

    ZbLibrary.IndicatorDefStruct toStruct() {
        ZbLibrary.IndicatorDefStruct s = new ZbLibrary.IndicatorDefStruct();
        s.seq = seq;
        s.category = category;
        s.name = name;
        s.unit = unit;
        s.target = target;
        s.qualifier = qualifier.value();
        s.kind = kind.value();
        s.direction = direction.value();
        s.responsible = units.isEmpty() ? null : String.join("、", units);
        s.source = source;
        s.weight = weight;
        s.target_year = targetYear;
        s.attribute = attribute.value();
        s.base = base;
        s.base_year = baseYear;
        s.note = note;
        return s;
    }

    /** Builds an {@link IndicatorDef}; every setter returns the builder. */
    public static final class Builder {
        private int seq;
        private String category;
        private final String name;
        private String unit;
        private String target;
        private Qualifier qualifier = Qualifier.AUTO;
        private Kind kind = Kind.AUTO;
        private Direction direction = Direction.AUTO;
        private final List<String> units = new ArrayList<>();
        private String source;
        private double weight;
        private int targetYear;
        private Attribute attribute = Attribute.NONE;
        private String base;
        private int baseYear;
        private String note;

        private Builder(String name) {
            this.name = name;
        }

        /** Sequence number (序号), &gt; 0 and unique; 0 (the default): one more than the largest so far. */
        public Builder seq(int seq) {
            this.seq = seq;
            return this;
        }

        /** Category name, created at the end of the list if new; null: none. */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /** Measurement unit; null (the default): read from the name; "": none. */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** Target as displayed, e.g. "450", "20%", "6.5以上"; null: no target. */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /** Qualifier; {@link Qualifier#AUTO} (the default): read from the target text. */
        public Builder qualifier(Qualifier qualifier) {
            this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
            return this;
        }

        /** Kind; {@link Kind#AUTO} (the default): inferred from the name. */
        public Builder kind(Kind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Direction; {@link Direction#AUTO} (the default): inferred from the name. */
        public Builder direction(Direction direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /** Appends responsible units; the first one ever added is the lead (牵头单位). */
        public Builder units(String... units) {
            for (String u : units)
                this.units.add(Objects.requireNonNull(u, "unit"));
            return this;
        }

        /** Where the indicator came from, for messages, e.g. "plan.json:14:7". */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Weight in the annual assessment, &gt; 0; 0 (the default): 1. */
        public Builder weight(double weight) {
            if (!Double.isFinite(weight) || weight < 0)
                throw new IllegalArgumentException("weight must be a finite number >= 0, not " + weight);
            this.weight = weight;
            return this;
        }

        /** Year of the target (2025年目标值); 0 (the default): tied to no year, the plan's own. */
        public Builder targetYear(int year) {
            this.targetYear = year;
            return this;
        }

        /** Attribute (属性); {@link Attribute#NONE} (the default): not stated. */
        public Builder attribute(Attribute attribute) {
            this.attribute = Objects.requireNonNull(attribute, "attribute");
            return this;
        }

        /** Base value as displayed (基期值, e.g. "1,200") and its year (0: not stated). */
        public Builder base(int year, String text) {
            this.baseYear = year;
            this.base = text;
            return this;
        }

        /** Remark (备注). */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** The definition. */
        public IndicatorDef build() {
            return new IndicatorDef(this);
        }
    }
}
