package zhibiao;

/** Loads the library in a JVM of its own and prints what happened (for ErrorTest). */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println("loaded " + Zhibiao.libraryVersion());
            } catch (UnsatisfiedLinkError e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
