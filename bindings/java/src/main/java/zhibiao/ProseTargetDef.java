package zhibiao;

import java.util.Objects;

/**
 * What {@link Plan#addProseTarget(ProseTargetDef)} needs (zb_prose_target_def): what is
 * measured and the number as written, and optionally the rest. Immutable; made with
 * {@link #builder(String, String)}.
 */
public final class ProseTargetDef {
    private final String name;
    private final String value;
    private final String unit;
    private final Qualifier qualifier;
    private final int firstYear;
    private final int lastYear;
    private final String sentence;
    private final Integer task;
    private final String source;

    private ProseTargetDef(Builder b) {
        name = b.name;
        value = b.value;
        unit = b.unit;
        qualifier = b.qualifier;
        firstYear = b.firstYear;
        lastYear = b.lastYear;
        sentence = b.sentence;
        task = b.task;
        source = b.source;
    }

    /** A builder for {@code name} (新增“小升规”企业) with the number as written ({@code "62"}). */
    public static Builder builder(String name, String value) {
        return new Builder(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    ZbLibrary.ProseTargetDefStruct toStruct() {
        ZbLibrary.ProseTargetDefStruct s = new ZbLibrary.ProseTargetDefStruct();
        s.name = name;
        s.value = value;
        s.unit = unit;
        s.qualifier = qualifier == null ? 0 : qualifier.value();
        s.first_year = firstYear;
        s.last_year = lastYear;
        s.sentence = sentence;
        s.task = task == null ? new ZbLibrary.SizeT(-1) : new ZbLibrary.SizeT(task);
        s.source = source;
        return s;
    }

    /** Builds a {@link ProseTargetDef}; every setter returns the builder. */
    public static final class Builder {
        private final String name;
        private final String value;
        private String unit;
        private Qualifier qualifier;
        private int firstYear;
        private int lastYear;
        private String sentence;
        private Integer task;
        private String source;

        private Builder(String name, String value) {
            this.name = name;
            this.value = value;
        }

        /** Measurement unit as written, e.g. 家, %. */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** ≥ for 以上, ≈ for 左右, ≤ for 以下; unset: none. */
        public Builder qualifier(Qualifier qualifier) {
            this.qualifier = qualifier;
            return this;
        }

        /** The years it covers (到2023年 in a 2021–2023 plan: 2021, 2023); 0: the plan's. */
        public Builder years(int first, int last) {
            this.firstYear = first;
            this.lastYear = last;
            return this;
        }

        /** The sentence it was found in. */
        public Builder sentence(String sentence) {
            this.sentence = sentence;
            return this;
        }

        /** Index of the task it was found in. */
        public Builder task(int task) {
            this.task = task;
            return this;
        }

        /** Where it was found, e.g. "plan.txt:42". */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** The definition. */
        public ProseTargetDef build() {
            return new ProseTargetDef(this);
        }
    }
}
