package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * {@link PortalMessages} in English for plain unit tests (no application, so no generated bundle): each method answers
 * its own {@code @Message} text with its parameters put in, i.e. the very words the application shows. Only for
 * messages without Qute sections ({@code {#if}}), which the PDF's words are.
 */
final class EnglishMessages {
    static final PortalMessages WORDS = (PortalMessages) Proxy.newProxyInstance(
            PortalMessages.class.getClassLoader(), new Class<?>[] { PortalMessages.class },
            (proxy, method, args) -> text(method, args));

    private EnglishMessages() {
    }

    private static String text(Method method, Object[] args) {
        String text = method.getAnnotation(Message.class).value();
        if (text.contains("{#")) {
            throw new UnsupportedOperationException(method.getName() + " has sections: test it in the application");
        }
        for (int i = 0; args != null && i < args.length; i++) {
            text = text.replace("{" + method.getParameters()[i].getName() + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
